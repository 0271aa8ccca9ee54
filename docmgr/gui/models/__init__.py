"""Qt item models over the services' views."""
