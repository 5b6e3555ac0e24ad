"""Pages of the conference workflow: thin views over the services and selectors."""
