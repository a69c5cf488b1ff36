"""Reading raw files: formats, encodings, scripts, PDF pages. Plain Python, no Dagster."""
from .model import STATUSES, Document, TableCell, make_doc_id
from .reader import read_document, supported

__all__ = ["STATUSES", "Document", "TableCell", "make_doc_id", "read_document", "supported"]
