"""Reading inputs: content sniffing, PDF text layers, images, office files, OCR, as pipeline steps."""
