-- Run once by the postgres image on an empty data volume (docker-compose.yml).
-- Outside Docker, `infra/infra.sh up` creates the same databases.
CREATE DATABASE newsroom;
CREATE DATABASE newsroom_test;
