-- Like region and DISP in V9: the company_derive_location trigger (V5) reads every written company's
-- department to copy its region and DISP, and a department that does not exist leaves region_code null,
-- which its not-null constraint refuses. The foreign key on department_code therefore checked, row by
-- row, what the trigger had just read: about 16 µs a company, 1.6 s of a 100,000-row CSV import. The
-- reference data is never deleted (codes that disappear are marked inactive), so nothing else relied on it.
alter table company drop constraint company_department_code_fkey;
