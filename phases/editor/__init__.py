"""The phase page editor: what it shows (`panels`) and what it refuses (`deletion`)."""
