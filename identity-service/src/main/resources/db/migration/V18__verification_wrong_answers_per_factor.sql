-- Wrong answers in a row per factor, beside the failed attempts in a row: an attempt that verifies on one factor no
-- longer clears the count of another that was guessed wrong (a postcode alone must not buy more guesses at the last
-- digits of an account). Counts start afresh for every customer.
alter table verification_lock add column wrong_answers text not null default '';
