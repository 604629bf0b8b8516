"""`python -m trajviz_torch`."""
import sys

from .cli import main

sys.exit(main())
