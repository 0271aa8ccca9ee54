"""Document types and fields: taxonomy, structure rules, the learned model and field extraction."""
