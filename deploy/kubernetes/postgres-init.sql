-- Run once by CloudNativePG as superuser in the database xunshi, right after the cluster is created
-- (postgres.yaml, bootstrap.initdb.postInitApplicationSQLRefs).

-- One role per service, owning only its own schema. The operator sets their passwords and LOGIN from
-- the Secrets xunshi-db-<service> (spec.managed.roles); here they only have to exist before their schemas.
DO $$
DECLARE
    service text;
BEGIN
    FOREACH service IN ARRAY ARRAY['planning', 'inspection', 'rectification', 'coordination'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'xunshi_' || service) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', 'xunshi_' || service);
        END IF;
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, 'xunshi_' || service);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service);
    END LOOP;
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Stored events are append-only for every role. A table named events gets, as soon as it is created,
-- a trigger that refuses UPDATE, DELETE and TRUNCATE; and any DDL that leaves an events table without
-- that trigger enabled (DROP TRIGGER, ALTER TABLE ... DISABLE TRIGGER) is refused and rolled back.
CREATE FUNCTION public.xunshi_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stored events are append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION public.xunshi_guard_events() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.oid, n.nspname, c.relname
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relname = 'events' AND c.relkind IN ('r', 'p')
               AND n.nspname IN ('planning', 'inspection', 'rectification', 'coordination') LOOP
        IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = t.oid AND tgname = 'xunshi_append_only_rows') THEN
            IF TG_TAG = 'CREATE TABLE' THEN
                EXECUTE format('CREATE TRIGGER xunshi_append_only_rows BEFORE UPDATE OR DELETE ON %I.%I '
                    || 'FOR EACH ROW EXECUTE FUNCTION public.xunshi_refuse_event_change()', t.nspname, t.relname);
                EXECUTE format('CREATE TRIGGER xunshi_append_only_truncate BEFORE TRUNCATE ON %I.%I '
                    || 'FOR EACH STATEMENT EXECUTE FUNCTION public.xunshi_refuse_event_change()', t.nspname, t.relname);
            ELSE
                RAISE EXCEPTION '%.events must keep its append-only trigger', t.nspname;
            END IF;
        ELSIF EXISTS (SELECT FROM pg_trigger WHERE tgrelid = t.oid AND tgname LIKE 'xunshi_append_only_%'
                      AND tgenabled <> 'O') THEN
            RAISE EXCEPTION '%.events must keep its append-only trigger enabled', t.nspname;
        END IF;
    END LOOP;
END $$;

CREATE EVENT TRIGGER xunshi_events_append_only ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE', 'DROP TRIGGER')
    EXECUTE FUNCTION public.xunshi_guard_events();
