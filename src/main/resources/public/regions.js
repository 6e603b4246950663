/* The cascading address selects (templates/tags/regions.jte): when the province or city changes, the next select is
   refilled with its children from /api/regions/{code}/children, and the levels below are emptied. Without this
   script the form still works: its 刷新下级地区 button posts it back and the server shows the next level. */
(function () {
  'use strict';

  function option(value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function reset(select, text) {
    while (select.options.length > 0) {
      select.remove(0);
    }
    select.appendChild(option('', text || select.getAttribute('data-placeholder')));
  }

  function setUp(box) {
    var province = box.querySelector('select[data-level=province]');
    var city = box.querySelector('select[data-level=city]');
    var district = box.querySelector('select[data-level=district]');
    var refresh = box.querySelector('[data-regions-refresh]');
    if (!province || !city || !district || !window.fetch) {
      return;
    }
    if (refresh) {
      refresh.hidden = true;
    }

    function load(code, target, ifNone) {
      reset(target);
      target.disabled = false;
      if (!code) {
        return;
      }
      box.setAttribute('data-loading', target.getAttribute('data-level'));
      fetch('/api/regions/' + encodeURIComponent(code) + '/children', {headers: {Accept: 'application/json'}})
        .then(function (r) {
          if (!r.ok) {
            throw new Error('regions ' + r.status);
          }
          return r.json();
        })
        .then(function (items) {
          if (items.length === 0 && ifNone) {
            ifNone();
          }
          items.forEach(function (d) {
            target.appendChild(option(d.code, d.name));
          });
        })
        .catch(function () {
          // the server-side refresh still works
          if (refresh) {
            refresh.hidden = false;
          }
        })
        .then(function () {
          box.removeAttribute('data-loading');
        });
    }

    province.addEventListener('change', function () {
      reset(district);
      district.disabled = false;
      load(province.value, city);
    });
    city.addEventListener('change', function () {
      load(city.value, district, function () {
        reset(district, district.getAttribute('data-none'));
        district.disabled = true;
      });
    });
  }

  document.querySelectorAll('[data-regions]').forEach(setUp);
}());
