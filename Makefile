# `make serve`: set up .venv if missing or older than pyproject.toml, serve on ${PORT:-8000}.
# `make test`:  set up .venv with the dev extras, run ruff, mypy and the test suite (Kubernetes
#               manifests and a quotes-batch job on local Ray included).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: serve test lint openapi screenshot

$(PY):
	python3 -m venv $(VENV)

$(VENV)/.stamp-serve: pyproject.toml docker/constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c docker/constraints.txt -e .
	touch $@

# The tests also run quotes-batch on a local Ray: the batch extra is part of the dev install.
$(VENV)/.stamp-dev: pyproject.toml docker/constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c docker/constraints.txt -e '.[dev,batch]'
	touch $@ $(VENV)/.stamp-serve

serve: $(VENV)/.stamp-serve
	PORT=$(PORT) $(VENV)/bin/gunicorn -c service/gunicorn_conf.py service.wsgi:app

# No formatter: the code keeps its hand-aligned layout (ruff format would rewrite 810 lines).
lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest -q

# docs/demo.png (README): the live browser test's screenshot of the demo page on the first example.
screenshot: $(VENV)/.stamp-dev
	DEMO_SCREENSHOT=docs/demo.png $(PY) -m pytest -q tests/test_demo_live.py -k "Council"

# Regenerate the committed OpenAPI document from the marshmallow schemas.
openapi: $(VENV)/.stamp-serve
	$(PY) -m service.api.spec openapi.yaml

# --- models (training needs torch: the local CPU wheel, pinned, installed first) ---
DATA ?= ../shared/data/polnear
EVAL ?= ../shared/eval

$(VENV)/.stamp-train: pyproject.toml docker/constraints.txt | $(PY)
	$(PY) -m pip install --quiet -c docker/constraints.txt torch==2.13.0
	$(PY) -m pip install --quiet -c docker/constraints.txt -e '.[dev,batch,train]'
	touch $@ $(VENV)/.stamp-dev $(VENV)/.stamp-serve

.PHONY: train-attribution export-attribution eval-attribution
# Fine-tune the released model (seeded; every layer trained, case shapes through the
# token-type embedding; 6 epochs at 1e-4 with 6 % warm-up and linear decay, the recipe chosen
# on dev with a train-only run), on train + dev, then export int8 ONNX into
# models/attribution. About 1,700 steps; on 2 idle AVX2 cores about 4 s a step, so it runs
# in parts: each run goes on from runs/attribution/resume.pt (written every 100 steps).
train-attribution: $(VENV)/.stamp-train
	$(PY) -m training.attribution.train_attribution --data $(DATA) --splits train,dev --epochs 6 \
		--lr 1e-4 --out runs/attribution $(if $(wildcard runs/attribution/resume.pt),--resume)
	$(MAKE) export-attribution

# the tagger with the link scorer beside it (linking.json, not written by the export)
ATTRIBUTION_VERSION = 2.2.1
export-attribution: $(VENV)/.stamp-train
	$(PY) -m training.attribution.export_attribution --checkpoint runs/attribution --out models/attribution \
		--version $(ATTRIBUTION_VERSION)

# The field's metrics on PolNeAR dev, through the served ONNX model (a measure for a
# train-only model: the released tagger has seen dev, see models/attribution/MODEL_CARD.md).
eval-attribution: $(VENV)/.stamp-train
	$(PY) -m training.attribution.evaluate_attribution --data $(DATA) --split dev --model models/attribution

# The models with the train-only tagger (attribution 2.0.0, commit 3e482b2: the other models
# are the same) and the current link scorer: what every dev figure is measured with, since
# the released tagger has seen PolNeAR dev.
# Rebuilt each time (a second), so it never holds stale copies; linking.json comes along when
# there is one (train-linking needs only the tagger).
TRAIN_ONLY_TAGGER = 3e482b2
.PHONY: runs/models-train-only
runs/models-train-only: $(VENV)/.stamp-dev
	rm -rf $@ && mkdir -p $@ && cp -r models/. $@/
	git archive $(TRAIN_ONLY_TAGGER) models/attribution/model.onnx models/attribution/meta.json \
		| tar -x --strip-components=1 -C $@
	$(PY) -m training.unsigned_int8 $@/attribution/model.onnx  # as the released models are stored

.PHONY: train-linking
# The link scorer (models/attribution/linking.json): logistic weights fitted on the spans the
# train-only tagger marks on PolNeAR train, thresholds chosen on dev; about 6 min (the script
# needs scikit-learn, not torch).
train-linking: $(VENV)/.stamp-train runs/models-train-only
	$(PY) -m training.attribution.train_linking --data $(DATA) \
		--model runs/models-train-only/attribution --out models/attribution/linking.json

# --- speakers: the coreference model (GUM + GAP) and the speaker evaluations ---
GUM ?= ../shared/data/gum
GAP ?= ../shared/data/gap
.PHONY: train-coreference eval-speakers
# Mention-ranking antecedent model -> models/coreference/model.json (about 5 min), then GAP test.
train-coreference: $(VENV)/.stamp-train
	$(PY) -m training.speakers.train_coreference --gum $(GUM) --gap $(GAP)
	$(PY) -m training.speakers.evaluate_gap --gap $(GAP) --split test

# Speaker, type and role on the seeds, the PolNeAR dev speaker gold and the failure cases.
# The released attribution model has seen PolNeAR dev, where the gold sets' articles come
# from: SPEAKER_MODELS=runs/models-train-only (built here) gives the figures that measure the
# speakers step.
SPEAKER_GOLD = speakers_dev speakers_heldout speakers_heldout2 speakers_heldout3 speakers_heldout4 \
               speakers_heldout5 speakers_heldout6 speakers_heldout7 speakers_heldout8 \
               speakers_heldout9 speakers_heldout10 speakers_heldout11 speakers_heldout12 \
               speakers_heldout13 speakers_heldout14 speakers_heldout15 speakers_heldout16 \
               speakers_heldout17 speakers_heldout18 speakers_heldout19 speakers_heldout20 \
               speakers_heldout21
SPEAKER_MODELS ?= models
eval-speakers: $(VENV)/.stamp-dev $(filter runs/models-train-only,$(SPEAKER_MODELS))
	$(PY) -m training.speakers.evaluate_seeds --models $(SPEAKER_MODELS)
	$(PY) -m training.speakers.evaluate_speakers --models $(SPEAKER_MODELS) --polnear $(DATA) \
	  $(foreach gold,$(SPEAKER_GOLD),--gold training/gold/$(gold)) \
	  --cases $(EVAL)/cases --cases training/gold/case_variants --cases training/gold/case_variants2 \
	  --cases training/gold/case_variants3 --cases training/gold/case_variants4 \
	  --cases training/gold/case_variants5 --cases training/gold/case_variants6 \
	  --cases training/gold/case_variants7 --cases training/gold/case_variants8 \
	  --cases training/gold/case_variants9 --cases training/gold/case_variants10 \
	  --cases training/gold/case_variants11 --cases training/gold/case_variants12 \
	  --cases training/gold/case_variants13 --cases training/gold/case_variants14 \
	  --cases training/gold/case_variants15 --cases training/gold/case_variants16 \
	  --cases training/gold/case_variants17

# --- container: build the image, run the compose stack, compare it with the local code ---
.PHONY: container-test
container-test: $(VENV)/.stamp-serve
	PYTHON=$(PY) scripts/container_test.sh

# --- stance (VAST): MiniLM cross-encoder over "target [SEP] quote", see models/stance/MODEL_CARD.md ---
VAST ?= ../shared/data/vast
.PHONY: train-stance export-stance eval-stance
# Fine-tune on repaired VAST train (seeded, 3 epochs, best epoch on 10% held-out train texts;
# VAST dev reported each epoch) into runs/stance, then export fp32 (runs/stance/fp32) and
# per-channel int8 (models/stance) ONNX.
train-stance: $(VENV)/.stamp-train
	$(PY) -m training.stance.train_stance --data $(VAST) --out runs/stance
	$(MAKE) export-stance

export-stance: $(VENV)/.stamp-train
	$(PY) -m training.stance.export_stance --checkpoint runs/stance --out models/stance --data $(VAST) \
		--version 2.0.1

# VAST test macro-F1 (overall, zero-shot, few-shot, per label) through StanceModel.predict: the
# int8 model as served, then the fp32 export on the same code path; through the API (framed as
# quotes): 600 VAST test rows and the news stance dev set; then the data audit.
eval-stance: $(VENV)/.stamp-train
	$(PY) -m training.stance.evaluate_stance --data $(VAST) --model models/stance
	$(PY) -m training.stance.evaluate_stance --data $(VAST) --model runs/stance/fp32
	$(PY) -m training.stance.evaluate_framed --vast $(VAST) --rows 600
	$(PY) -m training.stance.evaluate_framed --news training/gold/stance_news_dev.json --polnear $(DATA)
	$(PY) -m training.stance.vast_audit --data $(VAST)

# --- reliability and performance (issue 7); README "Reliability and performance" ---
# Each starts its own gunicorn (the `make serve` command, on a free port) with the real models.
.PHONY: fuzz load faults bench
$(VENV)/.stamp-bench: pyproject.toml docker/constraints.txt $(VENV)/.stamp-train
	$(PY) -m pip install --quiet -c docker/constraints.txt -e '.[dev,train,bench]'
	touch $@

# schemathesis, every check, every phase (coverage, generated, stateful), >= 1,000 generated
# requests (the suite runs a fast profile).
fuzz: $(VENV)/.stamp-dev
	$(PY) -m bench.fuzz

# 5 minutes at a constant arrival rate (short / ~800-word / 100,000-char mix), then overload.
# LOAD_ARGS="--url http://127.0.0.1:8000" targets a running `make serve` instead.
load: $(VENV)/.stamp-dev
	$(PY) -m bench.load --json runs/bench/load.json $(LOAD_ARGS)

# kill -9 a worker mid-load, then SIGTERM the master with requests in flight.
faults: $(VENV)/.stamp-dev
	$(PY) -m bench.faults --json runs/bench/faults.json

# Latency by size, throughput, RSS, cold start; textacy peer; torch fp32 vs ONNX int8; profile.
# The service under test runs from a serving-only install (.venv-serve: no torch), as `make serve`.
bench: $(VENV)/.stamp-bench
	$(MAKE) VENV=.venv-serve .venv-serve/.stamp-serve
	$(PY) -m bench.bench --serve-python .venv-serve/bin/python

# --- scaling out (issue 16); README "Scaling out" ---
# quotes-batch on a real 2-node Ray cluster on this machine (head + second node, 1 CPU each):
# documents/s for 1 and 2 actors, then all PolNeAR train+dev articles with the second node's
# raylet killed half-way, every id exactly once, a sample equal to POST /v1/quotes.
.PHONY: batch-demo
batch-demo: $(VENV)/.stamp-dev
	$(PY) -m bench.batch_demo --data $(DATA)
