"""The app's widgets, one a module, each named for its pane."""
