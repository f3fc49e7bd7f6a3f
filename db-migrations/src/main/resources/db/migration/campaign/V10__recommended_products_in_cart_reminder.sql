-- The abandoned-cart e-mail lists products the recommendation agent picks for the customer ({{#products}}), with a
-- generic line when it cannot answer in time. Only the shipped text is changed: a template someone edited stays theirs.
UPDATE message_templates
SET body = body
        || '<h3>You may also like</h3><ul>{{#products}}<li><a href="{{url}}">{{name}}</a> {{price}}</li>{{/products}}</ul>'
        || '{{^products}}<p>See what is new in the shop.</p>{{/products}}'
WHERE channel = 'email'
  AND template_id = 'abandoned_cart_reminder'
  AND updated_by = 'migration';
