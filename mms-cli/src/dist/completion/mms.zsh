# zsh completion for mms. The completion script picocli generates from the command definitions,
# mms.bash beside this file, serves zsh too: it turns on zsh's bash completion layer itself.
# Load it from ~/.zshrc:  source /path/to/mms-<version>/completion/mms.zsh
source "${${(%):-%x}:A:h}/mms.bash"
