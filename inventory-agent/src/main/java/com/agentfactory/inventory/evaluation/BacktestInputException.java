package com.agentfactory.inventory.evaluation;

/** A file or an argument the backtest cannot work with: reported as a CLI error, never a stack trace. */
class BacktestInputException extends RuntimeException {

    BacktestInputException(String message) {
        super(message);
    }
}
