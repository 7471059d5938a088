"""Cases for gpus_inference_apis: the break-even volume between an API and a rented GPU, and the cheaper
option at a given monthly volume."""

from __future__ import annotations

import math

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

# A GPU making 1,000 tokens/s rented for 1,000 hours serves exactly 3,600 million tokens: round numbers,
# so that the capacity edges in the cases below are exact in floating point.
TPS, HOURS = 1000.0, 1000.0


def _bill(choice: str, gpus: int, api_usd: float, self_host_usd: float) -> dict:
    return {"choice": choice, "gpus": gpus, "api_usd": api_usd, "self_host_usd": self_host_usd}


def break_even_volume() -> list[Case]:
    return [
        Case("an A100 against GPT-4o mini prices", args=(0.75, 1.79, 5586.0), expect=1.79 * 730 / 0.75, tol=1e-6,
             why="One GPU rented all month costs 1.79 × 730 ≈ $1,307 whatever it serves; the API costs $0.75 per "
                 "million tokens, so the bills meet at 1,307 / 0.75 ≈ 1,742 million tokens a month"),
        Case("hours_per_month is an argument", args=(1.0, 2.0, TPS, 500.0), expect=1000.0, tol=1e-6,
             why="With 500 rented hours the fixed bill is 2 × 500 = $1,000, so the break-even is 1,000 million "
                 "tokens: use the hours_per_month you are given, not 730"),
        Case("a GPU that never catches up", args=(0.05, 4.0, 10.0), expect=math.inf,
             why="At 10 tokens/s one GPU serves only about 26 million tokens a month, far below the 58,400 million "
                 "where its $2,920 bill would match the API: a fully busy GPU is still dearer per token, so "
                 "return math.inf. Capacity is tokens_per_s × 3600 × hours / 1e6 million tokens"),
        Case("a fast GPU on a cheap API", args=(0.10, 2.0, 20000.0), expect=2.0 * 730 / 0.10, tol=1e-6,
             why="At 20,000 tokens/s one GPU serves about 52,560 million tokens a month, more than the 14,600 "
                 "million where the bills meet, so the break-even is reachable: 2 × 730 / 0.10 = 14,600. Check "
                 "the capacity in millions of tokens (divide tokens by 1e6) and count 3,600 seconds an hour"),
        Case("break-even exactly at full capacity", args=(1.0, 3.6, TPS, HOURS), expect=3600.0, tol=1e-6,
             why="Here the bills meet at 3.6 × 1000 / 1.0 = 3,600 million tokens, exactly what one GPU serves "
                 "at full load: it is reachable, so return 3,600, not math.inf (the test is <=, not <)"),
        Case("a hair past full capacity", args=(1.0, 3.6005, TPS, HOURS), expect=math.inf,
             why="The bills would meet at 3,600.5 million tokens, half a million more than one GPU's 3,600 "
                 "(1000 tokens/s × 3,600 seconds × 1,000 hours / 1e6): unreachable, so math.inf"),
        Case("just past full capacity", args=(1.0, 3.7, TPS, HOURS), expect=math.inf,
             why="The bills would meet at 3,700 million tokens but one GPU serves only 3,600: return math.inf"),
        Case("a free API", args=(0.0, 2.0, TPS), raises=ValueError,
             why="An API price of zero has no break-even (and would divide by zero): raise ValueError"),
        Case("a negative API price", args=(-1.0, 2.0, TPS), raises=ValueError,
             why="A negative price is a data error: raise ValueError rather than return a negative volume"),
        Case("a free GPU", args=(1.0, 0.0, TPS), raises=ValueError,
             why="A GPU price of zero is a data error, not a break-even of 0: raise ValueError"),
        Case("a GPU that makes no tokens", args=(1.0, 2.0, 0.0), raises=ValueError,
             why="Zero tokens per second is not a throughput: raise ValueError"),
        Case("no hours rented", args=(1.0, 2.0, TPS, 0.0), raises=ValueError,
             why="hours_per_month must be positive: raise ValueError"),
    ]


def cheaper_option() -> list[Case]:
    return [
        Case("low volume stays on the API", args=(100.0, 1.0, 1.0, TPS, HOURS),
             expect=_bill("api", 1, 100.0, 1000.0), tol=1e-6,
             why="100 million tokens cost $100 on the API; one GPU for 1,000 hours costs $1,000 whatever it "
                 "serves, so the API is cheaper. Return the four keys choice, gpus, api_usd, self_host_usd"),
        Case("one busy GPU beats the API", args=(3000.0, 1.0, 1.0, TPS, HOURS),
             expect=_bill("self-host", 1, 3000.0, 1000.0), tol=1e-6,
             why="3,000 million tokens fit on one GPU (capacity 3,600) for $1,000, against $3,000 on the API"),
        Case("more traffic than one GPU serves", args=(5000.0, 1.0, 1.0, TPS, HOURS),
             expect=_bill("self-host", 2, 5000.0, 2000.0), tol=1e-6,
             why="5,000 million tokens need ceil(5000 / 3600) = 2 GPUs, so the fixed bill doubles to $2,000"),
        Case("traffic that fills GPUs exactly", args=(7200.0, 1.0, 1.0, TPS, HOURS),
             expect=_bill("self-host", 2, 7200.0, 2000.0), tol=1e-6,
             why="7,200 million tokens fill exactly two GPUs: ceil(2.0) = 2, no third GPU"),
        Case("just past one GPU's capacity", args=(3601.0, 1.0, 2.0, TPS, HOURS),
             expect=_bill("api", 2, 3601.0, 4000.0), tol=1e-6,
             why="One GPU serves 1000 × 3600 × 1000 / 1e6 = 3,600 million tokens; 3,601 million need a second "
                 "GPU, so self-hosting costs 2 GPUs × $2 × 1,000 hours = $4,000 against $3,601 on the API"),
        Case("the second GPU hands it back to the API", args=(3700.0, 0.5, 1.0, TPS, HOURS),
             expect=_bill("api", 2, 1850.0, 2000.0), tol=1e-6,
             why="Just past one GPU's capacity you rent a second: $2,000 against $1,850 on the API. Count the "
                 "GPUs the volume needs; one GPU cannot serve 3,700 million tokens"),
        Case("a tie goes to the API", args=(2000.0, 0.5, 1.0, TPS, HOURS),
             expect=_bill("api", 1, 1000.0, 1000.0), tol=1e-6,
             why="$1,000 either way: self-hosting must be strictly cheaper to be chosen"),
        Case("nothing to serve yet", args=(0.0, 1.0, 1.0, TPS, HOURS),
             expect=_bill("api", 1, 0.0, 1000.0), tol=1e-6,
             why="A volume of 0 is allowed: the API costs nothing, and a self-hosted service still rents at "
                 "least one GPU ($1,000)"),
        Case("the default month is 730 hours", args=(100.0, 1.0, 1.0, TPS),
             expect=_bill("api", 1, 100.0, 730.0), tol=1e-6,
             why="Without hours_per_month, one GPU is rented for 730 hours: $730"),
        Case("hours_per_month sets the capacity", args=(2000.0, 1.0, 1.0, TPS, 500.0),
             expect=_bill("self-host", 2, 2000.0, 1000.0), tol=1e-6,
             why="In 500 hours one GPU serves 1,800 million tokens, so 2,000 million need 2 GPUs: use the hours "
                 "you are given for the capacity too"),
        Case("a negative volume", args=(-5.0, 1.0, 1.0, TPS, HOURS), raises=ValueError,
             why="Traffic cannot be negative: raise ValueError"),
        Case("a free API", args=(100.0, 0.0, 1.0, TPS, HOURS), raises=ValueError,
             why="An API price of zero is a data error: raise ValueError"),
        Case("a free GPU", args=(100.0, 1.0, 0.0, TPS, HOURS), raises=ValueError,
             why="A GPU price of zero is a data error: raise ValueError"),
        Case("a GPU that makes no tokens", args=(100.0, 1.0, 1.0, 0.0, HOURS), raises=ValueError,
             why="Zero tokens per second serves nothing: raise ValueError"),
        Case("no hours rented", args=(100.0, 1.0, 1.0, TPS, 0.0), raises=ValueError,
             why="hours_per_month must be positive: raise ValueError"),
    ]
