/** The {@code backtest} command: demand models against the baselines on an Online Retail format file. */
package com.agentfactory.inventory.evaluation;
