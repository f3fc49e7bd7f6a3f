-- The browser a refresh token was handed out to: a SHA-256 of the random refresh cookie (HttpOnly, Path=/api/v1/auth)
-- set in the same reply. A spent token presented again within the reuse grace gets a fresh pair only from a client
-- holding that cookie, or the one handed out with the token it was traded for; anyone else is taken for a thief.
-- Null for tokens handed out before this column (or by a gateway from before it during a rolling deploy): their
-- retries are served as they were before it, until the sign-in's next refresh names its browser.
ALTER TABLE refresh_tokens ADD COLUMN browser_hash TEXT;
