"""trajviz-torch: record any PyTorch optimizer as a TrajViz trajectory, and audit optimizers for
state that shares storage with parameters or their gradients (the published DiffGrad's bug)."""

__version__ = "0.1.0"
