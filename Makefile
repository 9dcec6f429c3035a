# Entry points for developers and CI. `make` alone lists the targets.
# Without Docker, Postgres and RabbitMQ come from the Debian packages (build/infra.sh) and the
# services run as processes (build/stack.sh). With Docker, `make up` runs docker-compose.yml.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SOLUTION := Trading.sln
INFRA := bash build/infra.sh
STACK := bash build/stack.sh

.PHONY: help build test test-all bench bench-notify run demo stop status logs up down format infra-start infra-stop k8s-apply

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-12s %s\n", $$1, $$2 }'

build: ## Build the solution (Debug)
	dotnet build $(SOLUTION)

test: ## Run every test, integration included, against local Postgres and RabbitMQ
	$(INFRA) start
	eval "$$($(INFRA) env)" && dotnet test $(SOLUTION) --filter "Category!=Load"

test-all: test ## Same as test: there is no separate fast suite

BENCH_FILTER ?= *
bench: ## Benchmarks (BenchmarkDotNet, Release): frame parsing, the candle aggregator and every indicator (BENCH_FILTER, BENCH_ARGS)
	dotnet run -c Release --project tests/benchmarks -- --filter '$(BENCH_FILTER)' $(BENCH_ARGS)

bench-notify: ## Load harness: notification latency from bus publish to first delivery attempt (prints p50/p99)
	$(INFRA) start
	eval "$$($(INFRA) env)" && dotnet test tests/integration --filter "Category=Load" --logger "console;verbosity=detailed"

run: ## Start the six services in the background on local infra (paper trading unless configured live)
	$(STACK) start

demo: ## Replay recorded BTC/USDT trades through the whole pipeline and watch candles, signals and fills
	$(STACK) start --demo

stop: ## Stop the services started by run (Postgres and RabbitMQ keep running; see infra-stop)
	$(STACK) stop

status: ## Show which services and servers are up
	-$(STACK) status
	-$(INFRA) status

logs: ## Follow the service logs (Ctrl-C to stop following)
	$(STACK) logs

up: ## docker compose: build and start everything in the background
	docker compose up -d --build

down: ## docker compose: stop and remove the containers (volumes are kept)
	docker compose down

format: ## Apply .editorconfig with dotnet format
	dotnet format $(SOLUTION)

infra-start: ## Start local Postgres (55432) and RabbitMQ (55672, UI 55673) from Debian packages
	$(INFRA) start

infra-stop: ## Stop local Postgres and RabbitMQ
	$(INFRA) stop

k8s-apply: ## Apply the dev overlay to the current kubectl context
	kubectl apply -k deploy/k8s/overlays/dev
