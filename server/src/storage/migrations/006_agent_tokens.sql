-- A kiosk's print agent has a credential of its own. The kiosk's page pairs itself and
-- its token never leaves its browser; an admin issues the agent a separate token for the
-- same kiosk, good only for connecting as that kiosk's print agent, replaced by issuing
-- another and revoked with the kiosk.
ALTER TABLE devices ADD COLUMN agent_token_hash TEXT;
CREATE UNIQUE INDEX devices_agent_token ON devices(agent_token_hash);
