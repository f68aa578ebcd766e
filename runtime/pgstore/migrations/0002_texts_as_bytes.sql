-- 0002: error texts and event details as bytes.
--
-- They hold what activities and jobs return as error text, which may be any
-- Go string: a NUL byte or invalid UTF-8 would make a text column refuse the
-- write, and so the step. bytea keeps the string exactly, as SQLite does.

ALTER TABLE jobs ALTER COLUMN last_error DROP DEFAULT;
ALTER TABLE jobs ALTER COLUMN last_error TYPE bytea USING convert_to(last_error, 'UTF8');
ALTER TABLE jobs ALTER COLUMN last_error SET DEFAULT ''::bytea;
ALTER TABLE jobs ALTER COLUMN error DROP DEFAULT;
ALTER TABLE jobs ALTER COLUMN error TYPE bytea USING convert_to(error, 'UTF8');
ALTER TABLE jobs ALTER COLUMN error SET DEFAULT ''::bytea;
ALTER TABLE events ALTER COLUMN detail TYPE bytea USING convert_to(detail, 'UTF8');
