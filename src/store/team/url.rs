//! The server's URL as the file keeps it: a `postgresql://` URL with its password taken out
//! (the password is never written to the SQLite file; it comes from `PGPASSWORD` or from the
//! URL given on the command line, each time).

use super::TeamError;

/// `url` split into the URL without its password, and the password it carried.
pub fn split_password(url: &str) -> Result<(String, Option<String>), TeamError> {
    let trimmed = url.trim();
    let rest = trimmed
        .strip_prefix("postgresql://")
        .or_else(|| trimmed.strip_prefix("postgres://"))
        .ok_or_else(|| TeamError::BadUrl(without_password_guess(trimmed)))?;
    let scheme_len = trimmed.len() - rest.len();
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let Some(at) = authority.rfind('@') else { return Ok((trimmed.to_owned(), None)) };
    let userinfo = &authority[..at];
    let Some(colon) = userinfo.find(':') else { return Ok((trimmed.to_owned(), None)) };
    let password = percent_decode(&userinfo[colon + 1..]);
    let stripped = format!("{}{}{}", &trimmed[..scheme_len], &userinfo[..colon], &rest[at..]);
    Ok((stripped, Some(password)))
}

/// What may be shown of a string that is not a URL we read: nothing after a colon-and-at.
fn without_password_guess(text: &str) -> String {
    if text.contains('@') { "…".to_owned() } else { text.to_owned() }
}

/// `%40` -> `@`, and so on (a password with such characters is written encoded in a URL).
pub(super) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_password_is_taken_out_and_the_rest_kept() {
        let (url, pw) =
            split_password("postgresql://kim:s%40cret@127.0.0.1:5433/desk?connect_timeout=5").unwrap();
        assert_eq!(url, "postgresql://kim@127.0.0.1:5433/desk?connect_timeout=5");
        assert_eq!(pw.as_deref(), Some("s@cret"));
        let (url, pw) = split_password("postgres://kim@db/desk").unwrap();
        assert_eq!((url.as_str(), pw), ("postgres://kim@db/desk", None));
        assert!(split_password("host=db password=x").is_err());
    }
}
