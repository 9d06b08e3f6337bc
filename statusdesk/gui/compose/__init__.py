"""The composer, its previews and drafts, and the publish flow."""
