// Command ferretdb runs the dev/test database: FerretDB 1.24.2 embedded as a library.
// FerretDB's own cmd/ferretdb refuses to start when installed with `go install`, so the repo owns
// this small entry point and scripts/ensure-ferretdb.sh builds it once into .cache/.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	sqliteDir := flag.String("sqlite-dir", ".data/ferretdb", "directory for the SQLite backend")
	postgresURL := flag.String("postgresql-url", "", "use the PostgreSQL backend at this URL instead of SQLite")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	cfg := &ferretdb.Config{Listener: ferretdb.ListenerConfig{TCP: *listen}, Logger: logger}
	if *postgresURL != "" {
		cfg.Handler = "postgresql"
		cfg.PostgreSQLURL = *postgresURL
	} else {
		if err := os.MkdirAll(*sqliteDir, 0o755); err != nil {
			fail(err)
		}
		cfg.Handler = "sqlite"
		cfg.SQLiteURL = "file:" + *sqliteDir + "/"
	}

	db, err := ferretdb.New(cfg)
	if err != nil {
		fail(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "ferretdb listening on %s (%s backend)\n", *listen, cfg.Handler)
	if err := db.Run(ctx); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ferretdb:", err)
	os.Exit(1)
}
