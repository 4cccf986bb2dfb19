//! API keys and person links.
//!
//! Keys are held only as SHA-256 digests and every check compares the digest of the key
//! presented with every digest held, in constant time, so neither the time taken nor a
//! memory dump gives a key away. Links (the person's own credential, 128 random bits) are
//! stored as SHA-256 digests too.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::problem::Problem;

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Everything under `/v1` except changing frameworks.
    Read,
    /// Everything, including `PUT /v1/frameworks/{id}`.
    Admin,
}

/// A SHA-256 digest.
pub type Digest32 = [u8; 32];

/// The configured keys, as digests.
#[derive(Clone, Default)]
pub struct Keys {
    read: Vec<Digest32>,
    admin: Vec<Digest32>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not even the digests.
        f.debug_struct("Keys")
            .field("read", &self.read.len())
            .field("admin", &self.admin.len())
            .finish()
    }
}

impl Keys {
    /// Keys from their clear text; the text is not kept.
    pub fn new<'a>(
        read: impl IntoIterator<Item = &'a str>,
        admin: impl IntoIterator<Item = &'a str>,
    ) -> Keys {
        Keys {
            read: read.into_iter().map(digest).collect(),
            admin: admin.into_iter().map(digest).collect(),
        }
    }

    /// The scope of `key`, if it is a configured key. Compares against every configured
    /// digest whatever matches, in constant time for each.
    pub fn scope_of(&self, key: &str) -> Option<Scope> {
        let presented = digest(key);
        let matches = |digests: &[Digest32]| {
            digests
                .iter()
                .fold(false, |found, d| found | constant_time_eq(d, &presented))
        };
        let read = matches(&self.read);
        let admin = matches(&self.admin);
        if admin {
            Some(Scope::Admin)
        } else if read {
            Some(Scope::Read)
        } else {
            None
        }
    }

    /// Checks the `Authorization: Bearer` header for `needed`: 401 when it is missing or
    /// the key is unknown, 403 when the key's scope is too narrow.
    ///
    /// # Errors
    /// The problem to answer with.
    pub fn authorize(&self, headers: &HeaderMap, needed: Scope) -> Result<Scope, Problem> {
        let Some(value) = headers.get(header::AUTHORIZATION) else {
            return Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "an API key is required: send `Authorization: Bearer <key>`",
            ));
        };
        let key = value
            .to_str()
            .ok()
            .and_then(|v| {
                let (scheme, rest) = v.split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
            })
            .filter(|k| !k.is_empty());
        let Some(key) = key else {
            return Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "the Authorization header must be `Bearer <key>`",
            ));
        };
        match self.scope_of(key) {
            None => Err(Problem::new(
                StatusCode::UNAUTHORIZED,
                "the API key is not valid",
            )),
            Some(scope) if scope < needed => Err(Problem::new(
                StatusCode::FORBIDDEN,
                "this API key may read and assess but not change frameworks: an admin key is required",
            )),
            Some(scope) => Ok(scope),
        }
    }
}

/// Middleware for the keyed routes: `PUT` (changing a framework) needs an admin key,
/// everything else a read key.
pub async fn require_key(State(keys): State<Arc<Keys>>, request: Request, next: Next) -> Response {
    let needed = if request.method() == Method::PUT {
        Scope::Admin
    } else {
        Scope::Read
    };
    match keys.authorize(request.headers(), needed) {
        Ok(_) => next.run(request).await,
        Err(problem) => problem.into_response(),
    }
}

/// The SHA-256 digest of `text`.
pub fn digest(text: &str) -> Digest32 {
    Sha256::digest(text.as_bytes()).into()
}

/// Compares two digests without an early exit.
fn constant_time_eq(a: &Digest32, b: &Digest32) -> bool {
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// `bytes` of randomness from the operating system as lowercase hex.
///
/// # Errors
/// When the operating system has no randomness to give.
pub fn random_hex(bytes: usize) -> Result<String, getrandom::Error> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)?;
    Ok(hex(&buf))
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A new person link: 128 random bits as 32 lowercase hex characters.
///
/// # Errors
/// When the operating system has no randomness to give.
pub fn new_link() -> Result<String, getrandom::Error> {
    random_hex(16)
}

/// Whether `text` has the shape of a link: 32 lowercase hex characters.
pub fn is_link(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The digest a link is stored as, in hex.
pub fn link_hash(link: &str) -> String {
    hex(&digest(link))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bearer(key: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            format!("Bearer {key}").parse().unwrap(),
        );
        headers
    }

    #[test]
    fn scopes() {
        let keys = Keys::new(["r1", "r2"], ["a1"]);
        assert_eq!(keys.scope_of("r2"), Some(Scope::Read));
        assert_eq!(keys.scope_of("a1"), Some(Scope::Admin));
        assert_eq!(keys.scope_of("r3"), None);
        assert_eq!(
            keys.authorize(&bearer("a1"), Scope::Admin).ok(),
            Some(Scope::Admin)
        );
        assert_eq!(
            keys.authorize(&bearer("r1"), Scope::Admin)
                .unwrap_err()
                .status,
            403
        );
        assert_eq!(
            keys.authorize(&bearer("nope"), Scope::Read)
                .unwrap_err()
                .status,
            401
        );
        assert_eq!(
            keys.authorize(&HeaderMap::new(), Scope::Read)
                .unwrap_err()
                .status,
            401
        );
    }

    #[test]
    fn links() {
        let link = new_link().unwrap();
        assert!(is_link(&link));
        assert!(!is_link(&link.to_uppercase()));
        assert!(!is_link("abc"));
        assert_eq!(link_hash(&link).len(), 64);
        assert_ne!(new_link().unwrap(), link);
    }
}
