from lsp_router.cli import main

raise SystemExit(main())
