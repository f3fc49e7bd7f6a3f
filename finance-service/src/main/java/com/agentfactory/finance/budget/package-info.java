/** Department budgets per fiscal month: reserve, commit, release, and alerts when thresholds are crossed. */
package com.agentfactory.finance.budget;
