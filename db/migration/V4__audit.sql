-- Hibernate Envers: one revision per transaction that changes an audited entity, with who made it.
create sequence audit_revision_seq increment by 1;
create table audit_revision (
    id        bigint primary key,
    timestamp bigint not null,
    username  text
);
