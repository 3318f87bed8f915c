import Notebook
print(NotebookVersion.string)
