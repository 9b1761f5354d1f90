"""argmap: map the arguments of documents, check them, and compare them."""

__all__ = ["__version__"]

__version__ = "0.1.0"
