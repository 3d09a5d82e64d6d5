"""The app's screens (names end in Screen) and modals (names end in Dialog)."""
