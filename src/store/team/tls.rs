//! TLS to the team's server: rustls (ring), trusting the operating system's roots and, when the URL
//! names one (`sslrootcert=PATH`, as libpq spells it), the team's own CA. `sslmode` in the URL
//! decides as in libpq: `disable` never, `prefer` (the default) when the server offers TLS,
//! `require` always. Whenever TLS is used, the server's certificate and name are checked; a
//! server whose certificate is not trusted is refused, with the reason, rather than used
//! unverified.

use std::path::PathBuf;
use std::sync::Arc;

use tokio_postgres_rustls::MakeRustlsConnect;

use super::TeamError;

/// `url` without its `sslrootcert=PATH` (the postgres client does not read it), and the path.
pub fn split_root_cert(url: &str) -> (String, Option<PathBuf>) {
    let Some((head, query)) = url.split_once('?') else { return (url.to_owned(), None) };
    let mut root = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix("sslrootcert=") {
            Some(path) => {
                root = Some(PathBuf::from(super::url::percent_decode(path)));
                false
            }
            None => true,
        })
        .collect();
    let url = if kept.is_empty() { head.to_owned() } else { format!("{head}?{}", kept.join("&")) };
    (url, root)
}

/// The system's trusted roots, read once a run (every sync and the listener connect).
fn system_roots() -> &'static [rustls::pki_types::CertificateDer<'static>] {
    static ROOTS: std::sync::OnceLock<Vec<rustls::pki_types::CertificateDer<'static>>> =
        std::sync::OnceLock::new();
    ROOTS.get_or_init(|| {
        let native = rustls_native_certs::load_native_certs();
        for err in &native.errors {
            log::warn!("a trusted root of the system could not be read: {err}");
        }
        native.certs
    })
}

/// The TLS connector: the OS's trusted roots, and the CA certificates in `root_cert`.
pub fn connector(root_cert: Option<&std::path::Path>) -> Result<MakeRustlsConnect, TeamError> {
    let mut roots = rustls::RootCertStore::empty();
    let (added, ignored) = roots.add_parsable_certificates(system_roots().iter().cloned());
    log::debug!("TLS to the team server: {added} system roots ({ignored} unusable)");
    if let Some(path) = root_cert {
        let bad = |detail: String| TeamError::BadRootCert { path: path.display().to_string(), detail };
        let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
        let mut found = 0;
        for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
            let cert = cert.map_err(|e| bad(e.to_string()))?;
            roots.add(cert).map_err(|e| bad(e.to_string()))?;
            found += 1;
        }
        if found == 0 {
            return Err(bad("no PEM certificate in it".to_owned()));
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TeamError::Server(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_root_certificate_is_taken_out_of_the_url_and_the_rest_kept() {
        let (url, root) =
            split_root_cert("postgresql://kim@db/desk?sslmode=require&sslrootcert=/etc/ca%20team.pem");
        assert_eq!(url, "postgresql://kim@db/desk?sslmode=require");
        assert_eq!(root, Some(PathBuf::from("/etc/ca team.pem")));
        let (url, root) = split_root_cert("postgresql://kim@db/desk?sslrootcert=ca.pem");
        assert_eq!((url.as_str(), root), ("postgresql://kim@db/desk", Some(PathBuf::from("ca.pem"))));
        assert_eq!(split_root_cert("postgresql://kim@db/desk").1, None);
    }
}
