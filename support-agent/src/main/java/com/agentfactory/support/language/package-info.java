/** Language detection restricted to the languages the store serves. */
package com.agentfactory.support.language;
