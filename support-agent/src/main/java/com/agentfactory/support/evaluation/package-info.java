/** Command-line training and evaluation of the language pipeline on labelled CSV files, with JSON summaries. */
package com.agentfactory.support.evaluation;
