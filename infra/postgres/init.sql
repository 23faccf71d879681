-- Run once by the postgres image on an empty data volume (docker-compose.yml).
-- Outside Docker, `infra/infra.sh up` creates the same databases.
--
-- The processes' roles (newsroom_api, newsroom_relay, newsroom_projector) are not created here:
-- `npm run migrate` creates them as the owner, with the passwords of their URLs, and grants them
-- what they need on the schema it migrated (README, "Database roles").
CREATE DATABASE newsroom;
CREATE DATABASE newsroom_test;
