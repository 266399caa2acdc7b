//! A PostgreSQL cluster for the team tests and `benches/team.rs`: one per process, started by
//! the first caller: `initdb` in a temporary folder (as the `postgres` user when running as root,
//! since postgres refuses root), on a free loopback port with its socket inside that folder. Each
//! caller gets a database of its own. A watchdog process stops the server and removes the folder
//! when this process ends, however it ends. Without PostgreSQL it panics saying so.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The password of the cluster's superuser (`desk`).
pub const PASSWORD: &str = "team-test-password";

/// The running cluster.
struct Cluster {
    port: u16,
}

/// A cluster of one test's own, which it may stop and start again (the shared one must stay up
/// for the tests running beside it).
#[allow(dead_code, reason = "benches/team.rs shares this file and starts only the shared cluster")]
pub struct OwnCluster {
    port: u16,
    bin: PathBuf,
    data: PathBuf,
    dir: PathBuf,
    /// Serves TLS with a certificate of a CA made for it (`ca.pem` in `dir`).
    tls: bool,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// Where PostgreSQL's programs are (the newest installed version).
fn pg_bin() -> Result<PathBuf, String> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| "PostgreSQL is not installed (no /usr/lib/postgresql): `apt-get install postgresql` (.ci/run does)".to_owned())?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("postgres").exists())
        .collect();
    versions.sort();
    versions.pop().ok_or_else(|| "PostgreSQL's initdb and postgres are not in /usr/lib/postgresql/*/bin: `apt-get install postgresql`".to_owned())
}

fn is_root() -> bool {
    rustix::process::getuid().is_root()
}

/// `program args` as the user who may run PostgreSQL.
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start() -> Result<Cluster, String> {
    start_in(false).map(|own| Cluster { port: own.port })
}

/// The options the server runs with (also when started again).
fn server_options(port: u16, dir: &Path, tls: bool) -> Vec<String> {
    let mut options: Vec<String> =
        ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"]
            .into_iter()
            .chain(["-c", "max_connections=100", "-c", "synchronous_commit=off"])
            .map(str::to_owned)
            .collect();
    options.extend(["-p".to_owned(), port.to_string()]);
    options.extend(["-c".to_owned(), format!("unix_socket_directories={}", dir.display())]);
    if tls {
        options.extend(["-c".to_owned(), "ssl=on".to_owned()]);
        options.extend(["-c".to_owned(), format!("ssl_cert_file={}", dir.join("server.pem").display())]);
        options.extend(["-c".to_owned(), format!("ssl_key_file={}", dir.join("server.key").display())]);
    }
    options
}

/// A CA and a server certificate it signed for 127.0.0.1, made with openssl in `dir`.
fn make_certificates(dir: &Path) -> Result<(), String> {
    std::fs::write(dir.join("san.ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    let steps: [&[&str]; 3] = [
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=Release Desk test CA",
        ],
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        ],
    ];
    for args in steps {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .map_err(|e| format!("openssl did not run: {e}"))?;
        if !out.status.success() {
            return Err(format!("openssl {args:?} failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(dir.join("server.key"), std::fs::Permissions::from_mode(0o600)).unwrap();
    Ok(())
}

fn start_in(tls: bool) -> Result<OwnCluster, String> {
    let bin = pg_bin()?;
    // Kept on purpose (the watchdog removes it): the server runs until this process ends.
    let dir = tempfile::Builder::new().prefix("release-desk-pg-").tempdir().unwrap().keep();
    let data = dir.join("data");
    let pwfile = dir.join("pw");
    std::fs::write(&pwfile, PASSWORD).unwrap();
    if tls {
        make_certificates(&dir)?;
    }
    if is_root() {
        let status = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).status().unwrap();
        assert!(status.success(), "chown of {} failed", dir.display());
    }
    let out = as_postgres(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args(["-U", "desk", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"])
        .arg(format!("--pwfile={}", pwfile.display()))
        .output()
        .map_err(|e| format!("initdb did not run: {e}"))?;
    if !out.status.success() {
        return Err(format!("initdb failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let port = free_port();
    let log = std::fs::File::create(dir.join("server.log")).unwrap();
    let server = as_postgres(&bin.join("postgres"))
        .arg("-D")
        .arg(&data)
        .args(server_options(port, &dir, tls))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("postgres did not start: {e}"))?;
    watchdog(&bin, &dir, &data, server.id());
    let own = OwnCluster { port, bin, data, dir, tls };
    own.wait_until_up()?;
    Ok(own)
}

#[allow(dead_code, reason = "benches/team.rs shares this file and starts only the shared cluster")]
impl OwnCluster {
    /// Starts a cluster for this test alone.
    pub fn start() -> Self {
        match start_in(false) {
            Ok(own) => own,
            Err(why) => panic!("the team tests need a PostgreSQL server: {why}"),
        }
    }

    /// Starts a cluster for this test alone that also serves TLS (see [`OwnCluster::ca_path`]).
    pub fn start_with_tls() -> Self {
        match start_in(true) {
            Ok(own) => own,
            Err(why) => panic!("the TLS test needs PostgreSQL and openssl: {why}"),
        }
    }

    /// The CA that signed the server's certificate.
    pub fn ca_path(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// A fresh database on it: its URL with the password in it.
    pub fn database(&self) -> String {
        let name = format!("own_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let mut admin =
            postgres::Client::connect(&admin_url(self.port, "postgres"), postgres::NoTls).unwrap();
        admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        admin_url(self.port, &name)
    }

    /// Stops the server at once (as a crash or a restart does: every connection is cut).
    pub fn stop(&self) {
        let status = as_postgres(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(&self.data)
            .args(["stop", "-m", "immediate", "-w"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl stop failed");
    }

    /// Starts the server again on the same port and waits until it takes connections.
    pub fn start_again(&self) {
        let status = as_postgres(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(&self.data)
            .arg("-o")
            .arg(server_options(self.port, &self.dir, self.tls).join(" "))
            .arg("-l")
            .arg(self.dir.join("server-again.log"))
            .args(["start", "-w"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "pg_ctl start failed");
        self.wait_until_up().unwrap();
    }

    fn wait_until_up(&self) -> Result<(), String> {
        let start = Instant::now();
        loop {
            if postgres::Client::connect(&admin_url(self.port, "postgres"), postgres::NoTls).is_ok() {
                return Ok(());
            }
            if start.elapsed() > Duration::from_secs(60) {
                let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
                return Err(format!("postgres did not accept connections within 60 s:\n{log}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A process that outlives this one: when this process is gone (or the folder is), it stops the
/// server and removes the folder.
fn watchdog(bin: &Path, dir: &Path, data: &Path, server_pid: u32) {
    let me = std::process::id();
    let pg_ctl = bin.join("pg_ctl");
    let stop = if is_root() {
        format!("runuser -u postgres -- '{}' -D '{}' stop -m immediate", pg_ctl.display(), data.display())
    } else {
        format!("'{}' -D '{}' stop -m immediate", pg_ctl.display(), data.display())
    };
    let script = format!(
        "while kill -0 {me} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; \
         kill {server_pid} 2>/dev/null; sleep 1; rm -rf '{}'",
        dir.display()
    );
    // `--fork`: setsid's own process ends at once (waited for here), the watchdog runs on in a
    // session of its own, so a signal to this process group does not reach it.
    let status = Command::new("setsid")
        .args(["--fork", "sh", "-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the watchdog of the test PostgreSQL did not start");
}

fn admin_url(port: u16, database: &str) -> String {
    format!("postgresql://desk:{PASSWORD}@127.0.0.1:{port}/{database}")
}

/// A fresh database on the run's cluster: its URL with the password in it.
pub fn database() -> String {
    let cluster = match CLUSTER.get_or_init(start) {
        Ok(cluster) => cluster,
        Err(why) => panic!("the team tests need a PostgreSQL server: {why}"),
    };
    let name = format!("desk_{}_{}", std::process::id(), DATABASES.fetch_add(1, Ordering::SeqCst));
    let mut admin = postgres::Client::connect(&admin_url(cluster.port, "postgres"), postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    admin_url(cluster.port, &name)
}
