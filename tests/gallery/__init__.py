"""The gallery of broken and hostile inputs: cases.py lists them, harness.py runs them."""
