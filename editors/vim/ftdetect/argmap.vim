" argmap's .arg files
autocmd BufRead,BufNewFile *.arg setfiletype argmap
