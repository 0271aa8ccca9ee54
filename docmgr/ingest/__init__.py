"""Turning input files into text: PDF text layers, OCR, office files."""
