-- A company's region and DISP are never typed: the company_derive_location trigger (V5) copies them from
-- its department on every insert and update, and the department's own foreign keys point at region and
-- disp. The foreign keys on company.region_code and company.disp_code therefore checked, row by row, what
-- the trigger had just read from a valid department: two lookups per written company (about a tenth of a
-- CSV import's time) that could never fail. The reference data is never deleted (codes that disappear are
-- marked inactive), so nothing else relied on them.
alter table company drop constraint company_region_code_fkey;
alter table company drop constraint company_disp_code_fkey;
