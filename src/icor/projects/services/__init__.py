"""Every write of the projects app: one transaction each, permission first, audit event inside."""
