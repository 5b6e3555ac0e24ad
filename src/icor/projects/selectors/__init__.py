"""Every read of the projects app."""
