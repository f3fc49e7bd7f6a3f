-- The browser a refresh token was handed out to: a SHA-256 of the random refresh cookie (HttpOnly, Path=/api/v1/auth)
-- set in the same reply. A spent token presented again within the reuse grace gets a fresh pair only from a client
-- holding that cookie, or the one handed out with the token it was traded for; anyone else is taken for a thief.
-- Null for tokens handed out before this column, and their retries end the sign-in.
ALTER TABLE refresh_tokens ADD COLUMN browser_hash TEXT;
