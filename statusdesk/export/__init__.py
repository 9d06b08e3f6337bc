"""The post-incident timeline export (issue #7): what was said about an incident, where, when
and in which language, for the postmortem.

api.py is the entry point (`export_incident`, `export_to_file`, `parse_zone`, `FORMATS`);
timeline.py reads the workspace into the typed values of model.py and metrics.py computes the
figures; present.py turns them into what people read, laid out by markdown.py, html.py and
pdf.py (QtGui: the only Qt in this package); csv_export.py and json_export.py write the data;
scrub.py keeps secrets out; files.py writes a file whole or not at all.
"""
