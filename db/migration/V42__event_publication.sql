-- Spring Modulith's event publication registry (JDBC, schema of version 2.1: status, attempts, resubmission). A
-- publication is written in the transaction that publishes the event and completed when its listener returns; the
-- incomplete ones are resubmitted when the application restarts. A campaign's fan-out rides on it (decision record
-- 023). Created here rather than by spring.modulith.events.jdbc.schema-initialization: the schema is Flyway's alone.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
