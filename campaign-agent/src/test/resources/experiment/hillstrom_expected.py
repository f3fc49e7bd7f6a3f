# The expected values of AbCommandTest, from statsmodels 0.13.5 and scipy 1.10.1. Run from the checkout root:
#   python3 campaign-agent/src/test/resources/experiment/hillstrom_expected.py
import csv, math
from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep
from scipy import stats
rows = list(csv.DictReader(open('../shared/datasets/hillstrom-email-ab/hillstrom.csv', newline='')))
for metric in ('visit', 'conversion'):
    ctrl = [float(r[metric]) for r in rows if r['segment'] == 'No E-Mail']
    for arm in ('Mens E-Mail', 'Womens E-Mail'):
        trt = [float(r[metric]) for r in rows if r['segment'] == arm]
        z, p = proportions_ztest([sum(trt), sum(ctrl)], [len(trt), len(ctrl)])
        lo, hi = confint_proportions_2indep(sum(trt), len(trt), sum(ctrl), len(ctrl), method='wald', compare='diff', alpha=0.05)
        w = stats.ttest_ind(trt, ctrl, equal_var=False)
        print(f'{metric}|{arm}|z={z:.10f}|p={p:.10e}|lo={lo:.10f}|hi={hi:.10f}|t={w.statistic:.10f}|tp={w.pvalue:.10e}')
import statistics
for metric in ('spend',):
    ctrl = [float(r[metric]) for r in rows if r['segment'] == 'No E-Mail']
    trt = [float(r[metric]) for r in rows if r['segment'] == 'Mens E-Mail']
    w = stats.ttest_ind(trt, ctrl, equal_var=False)
    v1 = statistics.variance(trt) / len(trt); v2 = statistics.variance(ctrl) / len(ctrl)
    df = (v1 + v2) ** 2 / (v1 * v1 / (len(trt) - 1) + v2 * v2 / (len(ctrl) - 1))
    d = statistics.fmean(trt) - statistics.fmean(ctrl)
    half = stats.t.ppf(0.975, df) * math.sqrt(v1 + v2)
    print(f'{metric}|Mens E-Mail|t={w.statistic:.10f}|tp={w.pvalue:.10e}|df={df:.6f}|lo={d-half:.10f}|hi={d+half:.10f}')
