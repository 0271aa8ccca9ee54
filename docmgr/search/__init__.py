"""Full-text search: Vietnamese analysis and the search engines behind one interface."""
