//! TLS to the team's server (issue 21): a server with a certificate of the team's own CA, reached
//! with `sslmode=require&sslrootcert=CA`, is encrypted and a team works over it; without the CA
//! the certificate is not trusted and the connection is refused with the reason (never used
//! unverified); a bad CA file is said in words; `sslmode=disable` stays plain.

use release_desk::model::team::TeamError;
use release_desk::store::team::server::Server;

use super::cluster::OwnCluster;
use super::merge::{create, sync};

#[test]
fn a_team_over_tls_is_encrypted_and_an_untrusted_certificate_is_refused() {
    let cluster = OwnCluster::start_with_tls();
    let url = cluster.database();
    let ca = cluster.ca_path();
    let with = |query: &str| format!("{url}?{query}");

    let mut server =
        Server::connect(&with(&format!("sslmode=require&sslrootcert={}", ca.display())), None).unwrap();
    assert!(server.uses_tls().unwrap(), "require: encrypted");
    // The default (prefer) uses TLS when the server offers it.
    let mut server = Server::connect(&with(&format!("sslrootcert={}", ca.display())), None).unwrap();
    assert!(server.uses_tls().unwrap(), "prefer: encrypted");
    let mut plain = Server::connect(&with("sslmode=disable"), None).unwrap();
    assert!(!plain.uses_tls().unwrap());

    // Not trusted: refused, saying why.
    let err = Server::connect(&with("sslmode=require"), None).err().unwrap();
    assert!(matches!(&err, TeamError::Unreachable { detail, .. } if detail.contains("certificate")), "{err}");
    let missing = Server::connect(&with("sslrootcert=/nonexistent/ca.pem"), None).err().unwrap();
    assert!(matches!(missing, TeamError::BadRootCert { .. }), "{missing}");

    // A team over it: the file keeps the URL (with the CA's path) and syncs encrypted.
    let dir = tempfile::tempdir().unwrap();
    let team_url = with(&format!("sslmode=require&sslrootcert={}", ca.display()));
    let mut a = super::client(dir.path(), "a");
    let id = create(&mut a, "Core banking patch over TLS");
    a.team_init(&team_url, None, "Kim").unwrap();
    let mut b = super::client(dir.path(), "b");
    b.team_join(&team_url, None, "Lee").unwrap();
    assert_eq!(b.release(id).unwrap().subject, "Core banking patch over TLS");
    assert_eq!(sync(&mut b).pushed, 0);
    // What the window's status bar says of it.
    let fetched = b.team_sync_job(None).unwrap().run();
    assert_eq!(fetched.encrypted(), Some(true));
    b.team_sync_finish(fetched).unwrap();
}
