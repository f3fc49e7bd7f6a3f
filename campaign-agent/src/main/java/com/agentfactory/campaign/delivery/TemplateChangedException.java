package com.agentfactory.campaign.delivery;

/** A save's If-Match or If-None-Match did not hold: someone else saved the template since it was read. */
public class TemplateChangedException extends RuntimeException {

    TemplateChangedException(String channel, String templateId, TemplatePrecondition precondition) {
        super(
                switch (precondition) {
                    case TemplatePrecondition.Absent a ->
                        "The " + channel + " template '" + templateId
                                + "' was created by someone else meanwhile; read it and save your changes again.";
                    default ->
                        "The " + channel + " template '" + templateId
                                + "' was changed (or removed) since the version this save was made from; read it"
                                + " again and save your changes on top.";
                });
    }
}
