/* Lao messages for Select2 4.0 (the admin's autocomplete widgets); written for this portal. */
!function () {
  if (jQuery && jQuery.fn && jQuery.fn.select2 && jQuery.fn.select2.amd) var n = jQuery.fn.select2.amd;
  n.define("select2/i18n/lo", [], function () {
    return {
      errorLoading: function () { return "ບໍ່ສາມາດໂຫຼດຜົນລັບໄດ້"; },
      inputTooLong: function (a) { return "ກະລຸນາລຶບອອກ " + (a.input.length - a.maximum) + " ຕົວອັກສອນ"; },
      inputTooShort: function (a) { return "ກະລຸນາພິມເພີ່ມອີກ " + (a.minimum - a.input.length) + " ຕົວອັກສອນ"; },
      loadingMore: function () { return "ກຳລັງໂຫຼດຜົນລັບເພີ່ມ…"; },
      maximumSelected: function (a) { return "ທ່ານສາມາດເລືອກໄດ້ບໍ່ເກີນ " + a.maximum + " ລາຍການ"; },
      noResults: function () { return "ບໍ່ພົບຜົນລັບ"; },
      searching: function () { return "ກຳລັງຄົ້ນຫາ…"; },
      removeAllItems: function () { return "ເອົາອອກທັງໝົດ"; },
      removeItem: function () { return "ເອົາອອກ"; },
      search: function () { return "ຄົ້ນຫາ"; }
    };
  }), n.define, n.require;
}();
