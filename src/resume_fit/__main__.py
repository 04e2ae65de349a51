"""``python -m resume_fit`` runs the command line, exactly as ``resume-fit`` does."""

from resume_fit.cli import main

if __name__ == "__main__":
    main()
